import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/form-kit.tsx';
import type { MilestoneKind } from '@/lib/generated/prisma/enums.ts';
import { changeMilestoneStateAction, moveMilestoneAction } from './milestones/actions.ts';

interface Row {
  id: string;
  title: string;
  kind: MilestoneKind;
  weight: number;
  version: number;
  archivedAt: Date | null;
}

/** The agreement's milestones in order, with move buttons that work without JavaScript. */
export async function MilestoneTable({ agreementId, milestones }: { agreementId: string; milestones: Row[] }) {
  const [t, admin, enums] = await Promise.all([
    getTranslations('AdminMilestones'),
    getTranslations('Admin'),
    getTranslations('AdminEnums'),
  ]);
  const live = milestones.filter((milestone) => milestone.archivedAt === null);
  const archived = milestones.filter((milestone) => milestone.archivedAt !== null);
  const link = (milestone: Row) => <Link href={`/admin/agreements/${agreementId}/milestones/${milestone.id}`}>{milestone.title}</Link>;
  return (
    <>
      {live.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('order')}
              </th>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col" className="numeric">
                {t('weight')}
              </th>
              <th scope="col">{admin('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {live.map((milestone, index) => (
              <tr key={milestone.id}>
                <td className="numeric">{index + 1}</td>
                <th scope="row">{link(milestone)}</th>
                <td>{enums(`MilestoneKind.${milestone.kind}`)}</td>
                <td className="numeric">{milestone.weight}</td>
                <td className="row-actions">
                  {index > 0 && (
                    <ActionButton
                      action={moveMilestoneAction}
                      idPrefix={`up-${milestone.id}`}
                      fields={{ id: milestone.id, direction: 'up' }}
                      version={milestone.version}
                      label={t('moveUp')}
                      ariaLabel={t('moveUpNamed', { title: milestone.title })}
                      pendingLabel={admin('working')}
                    />
                  )}
                  {index < live.length - 1 && (
                    <ActionButton
                      action={moveMilestoneAction}
                      idPrefix={`down-${milestone.id}`}
                      fields={{ id: milestone.id, direction: 'down' }}
                      version={milestone.version}
                      label={t('moveDown')}
                      ariaLabel={t('moveDownNamed', { title: milestone.title })}
                      pendingLabel={admin('working')}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {archived.length > 0 && (
        <>
          <h3>{t('archivedHeading')}</h3>
          <ul className="plain-list">
            {archived.map((milestone) => (
              <li key={milestone.id}>
                {link(milestone)}
                <ActionButton
                  action={changeMilestoneStateAction}
                  idPrefix={`restore-${milestone.id}`}
                  fields={{ id: milestone.id, change: 'restore' }}
                  version={milestone.version}
                  label={t('restore')}
                  ariaLabel={t('restoreNamed', { title: milestone.title })}
                  pendingLabel={admin('working')}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
