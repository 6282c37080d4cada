export * from './paminnelse-planering';
export * from './reminders.module';
export * from './schema/paminnelseschema';
// The admin's pages (libs/web) call the same service as the API
export * from './admin/paminnelse-admin.service';
export * from './admin/paminnelse-admin.response';
export * from './admin/paminnelseregler.dto';
