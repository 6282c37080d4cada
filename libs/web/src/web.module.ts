import { Module } from '@nestjs/common';
import { WebGrundModule } from './grund/web-grund.module';

/** Every page of the platform: the foundation and each section's pages. */
@Module({
  imports: [WebGrundModule],
})
export class WebModule {}
