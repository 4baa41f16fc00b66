// The tables of GB 32100-2015 (统一社会信用代码), as amended: position 1 names the registering
// department (登记管理部门), position 2 the kind of body (机构类别) within it. Letters are valid in
// position 1 — A (军队), N (农业: rural collective economic organisations), Y (其他) — so a check that
// demands digits there would refuse real codes.
export interface UsccDepartment {
  code: string;
  name: string;
  /** Kinds of body by code; Y has one kind only, 1. */
  kinds: Record<string, string>;
}

export const USCC_DEPARTMENTS: Record<string, UsccDepartment> = {
  '1': { code: '1', name: '机构编制', kinds: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { code: '2', name: '外交', kinds: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { code: '3', name: '司法行政', kinds: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { code: '4', name: '文化', kinds: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { code: '5', name: '民政', kinds: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { code: '6', name: '旅游', kinds: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { code: '7', name: '宗教', kinds: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { code: '8', name: '工会', kinds: { '1': '基层工会', '9': '其他' } },
  '9': { code: '9', name: '工商（市场监督管理）', kinds: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { code: 'A', name: '中央军委改革和编制办公室', kinds: { '1': '军队事业单位', '9': '其他' } },
  N: { code: 'N', name: '农业', kinds: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { code: 'Y', name: '其他', kinds: { '1': '其他' } },
};
