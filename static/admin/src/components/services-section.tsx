/**
 * Overview of the service catalogue in matching order, with each service's recognition rule:
 * request type ids (named when the Jira names are loaded), components and labels.
 */
import type { Service } from '../../../../src/contract/contract-database-shape';
import { useI18n } from '../messages';
import { cell, chip, chipList, headerCell, numericCell, smallSubtlest, subtle, subtlest, table, tableFrame } from './admin-styles';
import { OverviewSection } from './overview-section';

export interface ServicesSectionProps {
  services: readonly Service[];
  /** Request type id → name, once the Jira names are loaded. */
  requestTypeNames: ReadonlyMap<string, string>;
}

export function ServicesSection({ services, requestTypeNames }: ServicesSectionProps) {
  const { t } = useI18n();
  return (
    <OverviewSection
      id="services"
      title={t('admin.services.title')}
      count={services.length}
      empty={t('admin.services.empty')}
      help={t('admin.services.help')}
    >
      <div style={tableFrame}>
        <table style={table} data-testid="services-table">
          <thead>
            <tr>
              <th scope="col" style={{ ...headerCell, textAlign: 'end', width: '1%' }}>
                {t('admin.services.order')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.services.name')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.services.requestTypes')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.services.components')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.services.labels')}
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((service, index) => {
              const { requestTypeIds, components, labels } = service.rule;
              const noRule = requestTypeIds.length + components.length + labels.length === 0;
              return (
                <tr key={service.id} data-testid={`service-${service.id}`}>
                  <td style={numericCell}>{index + 1}</td>
                  <th scope="row" style={{ ...cell, fontWeight: 'inherit', minWidth: '10rem' }}>
                    <div>{service.name}</div>
                    <div style={smallSubtlest}>{service.id}</div>
                    {service.description === undefined ? null : <div style={{ ...smallSubtlest, marginTop: '2px' }}>{service.description}</div>}
                  </th>
                  {noRule ? (
                    <td colSpan={3} style={{ ...cell, ...subtlest }}>
                      {t('admin.services.noRule')}
                    </td>
                  ) : (
                    <>
                      <td style={cell}>
                        <Chips values={requestTypeIds} names={requestTypeNames} none={t('admin.common.none')} />
                      </td>
                      <td style={cell}>
                        <Chips values={components} none={t('admin.common.none')} />
                      </td>
                      <td style={cell}>
                        <Chips values={labels} none={t('admin.common.none')} />
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </OverviewSection>
  );
}

/** Values as chips; a value with a known name shows "id · name". */
export function Chips({ values, names, none }: { values: readonly string[]; names?: ReadonlyMap<string, string>; none: string }) {
  if (values.length === 0) return <span style={subtlest}>{none}</span>;
  return (
    <ul style={chipList}>
      {values.map((value) => {
        const name = names?.get(value);
        return (
          <li key={value} style={chip}>
            {value}
            {name === undefined ? null : <span style={subtle}> · {name}</span>}
          </li>
        );
      })}
    </ul>
  );
}
