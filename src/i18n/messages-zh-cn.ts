/** 简体中文. Keys missing here fall back to the English text at the call site. */
export const zhCN: Record<string, string> = {};
