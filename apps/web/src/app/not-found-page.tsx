import { Link } from 'react-router';
import { EmptyState } from '../ui/states.tsx';
import { SearchIcon } from '../ui/icons.tsx';
import { buttonClass } from '../ui/button.tsx';
import { useServices } from '../features/services/api/get-services.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

export function NotFoundPage() {
  usePageTitle('Not found', useServices().data);
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
