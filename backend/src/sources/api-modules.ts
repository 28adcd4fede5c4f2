import type { Type } from '@nestjs/common';
import { CrmModule } from './crm/crm.module';

/** Nest modules of sources with endpoints of their own (the API process only; the worker never loads them). */
export const SOURCE_API_MODULES: readonly Type[] = [CrmModule];
