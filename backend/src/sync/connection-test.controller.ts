import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ConnectionTestResult } from '@hamgam/shared';
import { ConnectionTestService } from './connection-test.service';
import { TestConnectionDto } from './dto/update-source.dto';

@ApiTags('sources')
@Controller('sources')
export class ConnectionTestController {
  constructor(private readonly connectionTests: ConnectionTestService) {}

  @Post(':id/test-connection')
  @HttpCode(200)
  @ApiOkResponse({ description: 'What the test found (`isOk` false with a kind and message when it failed); never a secret' })
  @ApiBadRequestResponse({ description: 'The source cannot test its connection, or a field is invalid' })
  test(@Param('id') id: string, @Body() dto: TestConnectionDto): Promise<ConnectionTestResult> {
    return this.connectionTests.test(id, dto);
  }
}
