// t for the form builder's Excel (XLSForm) tools (zh-xlsform.ts), kept beside the administrator's
// table so that the builder's other strings stay where they are.
import { createT } from './createT';
import { zhXlsform } from './zh-xlsform';

export const tXlsform = createT({ ...zhXlsform });
