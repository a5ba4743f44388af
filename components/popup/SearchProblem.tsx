// The sentence for a search that cannot be answered (lib/search/problems.ts), shown where the
// results would be instead of a grey button nobody can explain.
import { t } from '../../lib/i18n/catalog';
import type { SearchProblem } from '../../lib/search/problems';

export function problemText(p: SearchProblem): string {
  switch (p.kind) {
    case 'missing':
      return p.end === 'from' ? t('problem_missing_from') : t('problem_missing_to');
    case 'same-place':
      return t('problem_same_place');
    case 'same-city':
      return t('problem_same_city', p.city);
    case 'past-date':
      return t('problem_past_date');
    case 'too-far':
      return t('problem_too_far', p.last);
  }
}

export function SearchProblemNote({ problem }: { problem: SearchProblem }) {
  return (
    <p class="hint problem" role="status" data-testid="search-problem">
      {problemText(problem)}
    </p>
  );
}
