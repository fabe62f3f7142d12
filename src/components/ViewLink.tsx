import type { ViewState } from '../state/view-state.ts';
import { navigate, viewHref } from './links.ts';

export function ViewLink(props: { to: Partial<ViewState>; children: React.ReactNode; className?: string; title?: string; 'aria-label'?: string; 'aria-current'?: 'page' | undefined }) {
  const { to, children, ...rest } = props;
  return (
    <a href={viewHref(to)} onClick={(e) => navigate(e, to)} {...rest}>
      {children}
    </a>
  );
}
