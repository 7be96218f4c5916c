// What an operating-system error code means, in the words the user reads (never the bare code).

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: '文件或目录不存在',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EISDIR: '这是一个目录',
  ENOTDIR: '路径中有一部分不是目录',
  ELOOP: '符号链接循环',
  ENAMETOOLONG: '路径过长',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已满',
  EFBIG: '文件过大',
  EROFS: '文件系统只读',
  EEXIST: '路径已存在且不是目录',
  EMFILE: '打开的文件过多',
  ENFILE: '打开的文件过多',
  EIO: '读写设备出错',
  EBUSY: '文件正被占用',
  ETXTBSY: '文件正被占用',
  ENXIO: '设备不可用',
  ENODEV: '设备不可用',
  EAGAIN: '暂时无法读写',
  EINVAL: '路径或操作无效',
  EPIPE: '管道已关闭',
  EXDEV: '不能跨文件系统移动',
};

/** A short Chinese description of an errno code such as ENOENT ("系统错误" when unknown). */
export function systemErrorText(code: string | undefined): string {
  return (code && SYSTEM_ERRORS[code]) || '系统错误';
}
