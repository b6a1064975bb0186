// The formats a definition may name in "format": the domain's own and the standard ones of
// ajv-formats. Each domain format explains a failure in Chinese (the field's title is put in
// front by the validation module).
import { lookupTable } from '../ownValue';
import { explainResidentId } from './residentId';
import { explainDisabilityCertificate, explainIdOrDisabilityCertificate } from './disabilityCertificate';
import { explainDivisionCode, explainMobilePhone, explainPhone, explainYearMonth } from './simpleFormats';
import { explainLocation, explainPhoto, explainSignature } from './attachmentFormats';

export type Explain = (value: string) => string | null;

export const domainFormats: Readonly<Record<string, Explain>> = lookupTable<Explain>({
  'resident-id': explainResidentId,
  'disability-certificate': explainDisabilityCertificate,
  'id-number': explainIdOrDisabilityCertificate,
  'mobile-phone': explainMobilePhone,
  phone: explainPhone,
  'division-code': explainDivisionCode,
  'year-month': explainYearMonth,
  photo: explainPhoto,
  signature: explainSignature,
  location: explainLocation,
});

/** Messages for the ajv-formats formats definitions are expected to use. */
export const standardFormatMessages: Readonly<Record<string, string>> = lookupTable<string>({
  date: '应为日期（年-月-日，如 2021-09-30）',
  'date-time': '应为日期时间',
  time: '应为时间',
  email: '应为电子邮箱地址',
  uri: '应为网址',
  uuid: '应为 UUID',
});
