import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { DocsService } from './docs.service.js';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Tally API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui' });`;

@Controller('api/docs')
@Public()
export class DocsController {
  constructor(private readonly docs: DocsService) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiDoc({ summary: 'The API reference (Swagger UI)', tags: ['docs'], responses: { 200: null } })
  page(): string {
    return PAGE;
  }

  @Get('init.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @ApiDoc({ summary: 'Start-up script of the reference page', tags: ['docs'], responses: { 200: null } })
  init(): string {
    return INIT;
  }

  @Get('openapi.json')
  @ApiDoc({ summary: 'This OpenAPI document', tags: ['docs'], responses: { 200: null } })
  openApi(): Record<string, unknown> {
    return this.docs.openApi();
  }
}
