import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src/contract/accounts.ts';
import { useMission } from '../features/force/queries.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="currentColor" opacity="0.15" />
        <path d="M6 20h20" stroke="#f2c200" strokeWidth="3" strokeLinecap="round" />
        <path d="M9 12h14" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
      <span className="brand__tagline">{t('app.tagline')}</span>
    </div>
  );
}

export function Header({ user }: { user: Session['user'] }) {
  const { t } = useTranslation();
  const mission = useMission();
  const missionName = mission.status === 'idle' ? undefined : mission.data?.name;
  return (
    <header className="app-header">
      <Brand />
      <p className="app-header__mission" data-testid="mission-name">
        {missionName ?? t('app.missionUnknown')}
      </p>
      <div className="app-header__tools">
        <LanguageSelect />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
