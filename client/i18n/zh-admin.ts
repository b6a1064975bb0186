// The administrator's pages' strings (活动, 表单设计, 用户, 农户导入). Keys are prefixed "ad_".
export const zhAdmin = {
  ad_title: '管理',
} as const;
