import type { ReactNode } from 'react';

export type BadgeTone = 'success' | 'danger' | 'info' | 'neutral' | 'warning' | 'accent';

export type BadgeProps = {
  tone: BadgeTone;
  children: ReactNode;
  title?: string;
  describedBy?: string;
};

export function Badge({ tone, children, title, describedBy }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={title} aria-describedby={describedBy}>
      {children}
    </span>
  );
}
