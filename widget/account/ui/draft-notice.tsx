/** "Your unsaved draft is back" with a way to throw it away: shown above a form with a restored draft. */
import type { Draft } from './use-draft';
import { useUi } from './ui-context';

export function DraftNotice(props: { draft: Draft<unknown> }) {
  const { t } = useUi();
  if (!props.draft.restored) return null;
  return (
    <p class="notice info row-between" data-testid="draft-restored" role="status">
      <span>{t('draftRestored')}</span>
      <button type="button" class="link-btn" onClick={() => props.draft.discard()}>
        {t('draftDiscard')}
      </button>
    </p>
  );
}
