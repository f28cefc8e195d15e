import type { HTMLAttributes } from 'react';

/** A heading whose level follows the depth of the tree (h2 for the organization, at most h6). */
export function Heading({ level, ...props }: HTMLAttributes<HTMLHeadingElement> & { level: number }) {
  const Tag = `h${Math.min(Math.max(level, 2), 6)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return <Tag {...props} />;
}
