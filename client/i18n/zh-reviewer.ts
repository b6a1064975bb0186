// The reviewer's pages' strings (審核, 导出, 进度, 数据质量). Keys are prefixed "rv_".
export const zhReviewer = {
  rv_title: '审核',
} as const;
