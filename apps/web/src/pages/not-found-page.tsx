import { Link } from 'react-router';
import { EmptyState } from '../components/states.tsx';
import { SearchIcon } from '../components/icons.tsx';
import { buttonClass } from '../components/button.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <EmptyState
      icon={<SearchIcon size={20} />}
      title="Nothing here"
      action={
        <Link to="/" className={buttonClass('secondary')}>
          Back to the overview
        </Link>
      }
    >
      This page does not exist, or what it showed has been deleted.
    </EmptyState>
  );
}
