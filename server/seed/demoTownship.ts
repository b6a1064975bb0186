// The demo township: 重庆市永川区临江镇 as the official list has it (its codes and names, all its
// villages, as an administrator would import it), with households of every kind in three of its
// villages (高滩村, 普安村, 九龙村), their members described in the seed forms' vocabulary
// (docs/seed-conventions.md) with valid resident IDs. Deterministic (a seeded generator), so a
// demo looks the same on every machine. It also plants one data-quality problem a township meets
// in real life: a person registered in two households (数据清洗).
import { residentIdCheckDigit, type HouseholdKind, type Member } from '@engine';
import { OfficialDivisions } from '../divisions/officialDivisions';
import type { DivisionRecord } from '../store/records';
import type { HouseholdInput } from '../store/Store';

export const DEMO_TOWNSHIP = '500118104';
/** The villages with households and an officer each: 高滩村, 普安村, 九龙村. */
export const DEMO_VILLAGE_CODES = ['500118104201', '500118104202', '500118104203'];

/** 临江镇 with its ancestors and every village, from the official list. */
export function demoDivisions(official = new OfficialDivisions()): DivisionRecord[] {
  return official.branch(DEMO_TOWNSHIP)!;
}

/** A village's everyday name, as an address writes it: "高滩村村民委员会" is 高滩村. */
const villageName = (official: string) => official.replace(/(村|社区)(村民|居民)委员会$/, '$1');

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何'];
const MALE = ['德明', '建国', '志强', '国华', '永福', '大山', '文斌', '光明', '家富', '正平', '明亮', '小军', '浩然', '子轩'];
const FEMALE = ['秀兰', '桂英', '丽华', '玉梅', '春燕', '淑芬', '小燕', '雨欣', '思雨', '梦瑶', '翠花', '凤英'];
const RISKS = ['因大病', '因学', '因残', '因突发事件', '因灾', '因产业失败', '因就业不稳'];

/** A small deterministic generator (mulberry32). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  relation: string;
  male: boolean;
  birthYear: number;
}

/** A family: the head, a spouse, children (some married with children), sometimes a parent. */
function familyOf(random: () => number, size: number): Person[] {
  const headYear = 1950 + Math.floor(random() * 30);
  const people: Person[] = [{ relation: '户主', male: random() < 0.85, birthYear: headYear }];
  if (size > 1) people.push({ relation: '配偶', male: !people[0]!.male, birthYear: headYear + Math.floor(random() * 5) - 2 });
  const others: Person[] = [
    { relation: '之子', male: true, birthYear: headYear + 24 + Math.floor(random() * 4) },
    { relation: '之儿媳', male: false, birthYear: headYear + 25 + Math.floor(random() * 4) },
    { relation: '之孙子', male: true, birthYear: Math.min(headYear + 48 + Math.floor(random() * 6), 2020) },
    { relation: '之女', male: false, birthYear: headYear + 27 + Math.floor(random() * 5) },
    { relation: '之孙女', male: false, birthYear: Math.min(headYear + 50 + Math.floor(random() * 6), 2021) },
    { relation: '之母', male: false, birthYear: headYear - 24 - Math.floor(random() * 4) },
  ];
  return [...people, ...others.slice(0, Math.max(0, size - 2))];
}

function residentId(county: string, year: number, random: () => number, male: boolean): string {
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const sequence = 10 + Math.floor(random() * 440);
  const first17 = `${county}${year}${month}${day}${String(sequence * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

function schoolStatus(age: number): string {
  if (age < 3) return '非在校生';
  if (age < 6) return '学前教育';
  if (age < 12) return '小学';
  if (age < 15) return '初中';
  if (age < 18) return '高中';
  return '非在校生';
}

function memberOf(person: Person, surname: string, random: () => number, referenceYear: number): Member {
  const age = referenceYear - person.birthYear;
  const given = person.male ? MALE : FEMALE;
  const ownSurname = ['配偶', '之儿媳', '之母'].includes(person.relation) ? SURNAMES[Math.floor(random() * SURNAMES.length)]! : surname;
  const working = age >= 18 && age < 60;
  const child = age < 16;
  const sick = age >= 60 && random() < 0.4;
  const member: Member = {
    name: ownSurname + given[Math.floor(random() * given.length)]!,
    gender: person.male ? '男' : '女',
    idType: '居民身份证',
    idNumber: residentId('500118', person.birthYear, random, person.male),
    relation: person.relation,
    ethnicity: '汉族',
    politicalStatus: person.relation === '户主' && random() < 0.2 ? '中共党员' : '群众',
    education: child ? (age < 6 ? '学龄前儿童' : '小学') : age > 60 ? '小学' : random() < 0.5 ? '初中' : '高中',
    schoolStatus: schoolStatus(age),
    health: sick ? '长期慢性病' : '健康',
    laborSkill: child || age >= 70 ? '无劳动力' : sick ? '弱劳动力或半劳动力' : '普通劳动力',
    speaksMandarin: true,
    pensionInsurance: age >= 16,
    medicalInsurance: random() > 0.06,
    seriousIllnessInsurance: true,
    minimumLivingAllowance: false,
    extremePovertySupport: false,
    relocated: false,
    commercialMedicalInsurance: false,
    medicalAssistance: sick,
  };
  if (working) {
    member.workArea = random() < 0.6 ? '省外' : '县外省内';
    member.workMonths = 6 + Math.floor(random() * 7);
  }
  return member;
}

/** Which kinds each village has, in order: every kind appears in every village. */
const KIND_PLAN: { kind: HouseholdKind; identified?: string; eliminated?: string }[] = [
  { kind: '脱贫户' },
  { kind: '脱贫户' },
  { kind: '一般农户' },
  { kind: '脱贫不稳定户', identified: '2020-06' },
  { kind: '脱贫不稳定户', identified: '2020-08', eliminated: '2021-03' },
  { kind: '边缘易致贫户', identified: '2020-11' },
  { kind: '边缘易致贫户', identified: '2020-05', eliminated: '2021-01' },
  { kind: '突发严重困难户', identified: '2021-02' },
];

export function demoHouseholds(referenceYear = 2021, divisions = demoDivisions()): HouseholdInput[] {
  const random = generator(20211109);
  const households: HouseholdInput[] = [];
  const villages = DEMO_VILLAGE_CODES.map((code) => ({ code, name: villageName(divisions.find((d) => d.code === code)!.name) }));
  villages.forEach((village, v) => {
    KIND_PLAN.forEach((plan, k) => {
      const surname = SURNAMES[(v * KIND_PLAN.length + k) % SURNAMES.length]!;
      const members = familyOf(random, 2 + Math.floor(random() * 5)).map((p) => memberOf(p, surname, random, referenceYear));
      if (plan.kind === '脱贫不稳定户' || plan.kind === '边缘易致贫户') {
        members.forEach((m) => { if (m.relation === '户主' || random() < 0.3) m.minimumLivingAllowance = true; });
      }
      const head = members[0]!;
      const group = 1 + Math.floor(random() * 8);
      households.push({
        divisionCode: village.code,
        headName: head.name,
        headIdNumber: head.idNumber,
        phone: `139${String(83000000 + Math.floor(random() * 999999)).padStart(8, '0')}`,
        address: `重庆市永川区临江镇${village.name}${group}组`,
        kind: plan.kind,
        ...(plan.identified ? { identifiedMonth: plan.identified, mainRisk: RISKS[(v + k) % RISKS.length]! } : {}),
        ...(plan.eliminated ? { riskEliminatedMonth: plan.eliminated, riskEliminationMethod: '帮扶消除' } : {}),
        members,
      });
    });
  });
  // 数据清洗: a daughter married out of 高滩村 still registered at home and again in 普安村.
  const movedOut = households[0]!.members.find((m) => m.relation !== '户主');
  if (movedOut) households[KIND_PLAN.length]!.members.push({ ...movedOut, relation: '之儿媳' });
  return households;
}

/** The demo accounts: an officer per village (with a phone, for the forms' 填表人联系电话), a township and a county reviewer. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; phone?: string; role: 'officer' | 'reviewer'; scope: string[] }[] = [
  { username: 'gaotan', displayName: '高滩村信息员', phone: '13983011201', role: 'officer', scope: ['500118104201'] },
  { username: 'puan', displayName: '普安村信息员', phone: '13983011202', role: 'officer', scope: ['500118104202'] },
  { username: 'jiulong', displayName: '九龙村信息员', phone: '13983011203', role: 'officer', scope: ['500118104203'] },
  { username: 'linjiang', displayName: '临江镇审核员', role: 'reviewer', scope: ['500118104'] },
  { username: 'yongchuan', displayName: '永川区审核员', role: 'reviewer', scope: ['500118'] },
];
