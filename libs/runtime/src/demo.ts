import { AppConfig, devMailSink } from '@app/core';
import { dataSourceOptions, Infrastructure } from '@app/database';
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoData } from '@app/demo';
import { DataSource } from 'typeorm';

export async function loadDemoDataIfWanted(config: AppConfig, infrastructure: Infrastructure): Promise<void> {
  if (!config.DEMO_DATA) return;
  const dataSource = new DataSource(dataSourceOptions(infrastructure.databaseUrl, 2));
  await dataSource.initialize();
  try {
    await loadDemoData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export function printDemoLogins(url: string, config: AppConfig): void {
  const lines = [`Remissplattformen is running at ${url}`, `API documentation: ${url}/api/docs`];
  if (devMailSink(config)) lines.push(`E-mail (no SMTP_URL, caught here): ${url}/utveckling/epost`);
  if (config.DEMO_DATA) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}", POST ${url}/api/auth/login):`);
    for (const login of DEMO_LOGINS) lines.push(`  ${login.epost.padEnd(32)} ${login.roller}`);
  }
  console.log(lines.join('\n'));
}
