import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../common/export/export-labels';
import { ListAuditDto } from './list-audit.dto';

/** The audit trail's filters and the language the file is written in. */
export class ExportAuditDto extends ListAuditDto {
  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, description: 'Headers and values in this language; default: Accept-Language, then fa' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}
