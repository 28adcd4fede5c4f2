import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  CRM_CONFLICT_STATUSES,
  CRM_RESOLUTIONS,
  type CrmConflictStatus,
  type CrmLinkRequest,
  type CrmResolution,
  type CrmResolveRequest,
} from '@hamgam/shared';

export class CrmLinkDto implements CrmLinkRequest {
  @ApiProperty({ description: "The CRM contact's record id" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  contactId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The student to link; null unlinks the contact' })
  @ValidateIf((dto: CrmLinkDto) => dto.studentNumber !== null)
  @IsString()
  @Matches(/^\d{5,20}$/, { message: 'studentNumber must be 5 to 20 digits' })
  studentNumber!: string | null;
}

export class CrmResolveDto implements CrmResolveRequest {
  @ApiProperty({ enum: CRM_RESOLUTIONS })
  @IsIn(CRM_RESOLUTIONS)
  resolution!: CrmResolution;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CrmConflictsQueryDto {
  @ApiProperty({ enum: CRM_CONFLICT_STATUSES, required: false })
  @IsOptional()
  @IsIn(CRM_CONFLICT_STATUSES)
  status?: CrmConflictStatus;
}
