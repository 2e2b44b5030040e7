import { Module } from '@nestjs/common';
import { ProgrammeController } from './programme.controller.js';
import { ProgrammeRepository } from './programme.repository.js';
import { ProgrammeService } from './programme.service.js';

@Module({
  controllers: [ProgrammeController],
  providers: [ProgrammeRepository, ProgrammeService],
  exports: [ProgrammeService],
})
export class ProgrammeModule {}
