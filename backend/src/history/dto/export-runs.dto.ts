import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../common/export/export-labels';
import { RunFiltersDto } from './list-runs.dto';

/** The history's filters and the language the file is written in. */
export class ExportRunsDto extends RunFiltersDto {
  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, description: 'Headers and values in this language; default: Accept-Language, then fa' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}
