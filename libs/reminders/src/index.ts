export * from './paminnelse-planering';
export * from './reminders.module';
export * from './schema/paminnelseschema';
