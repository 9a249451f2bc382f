import { Controller, Get, Header, NotFoundException, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../security/public.decorator.js';
import { type Asset, DashboardAssets } from './dashboard-assets.js';

const file = ({ body, type }: Asset) => new StreamableFile(body, { type, length: body.length });

/**
 * The dashboard's page and static files. Public: they hold no data; with API_KEY set the page asks
 * for the key and sends it with every API call.
 */
@ApiExcludeController()
@Public()
@Controller('ui')
export class DashboardController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get()
  @Header('Cache-Control', 'no-cache')
  page(): StreamableFile {
    // The page links its files as ui/…, relative to /ui itself, so it works below a host's global prefix.
    return file(this.assets.get('index.html')!);
  }

  @Get(':file')
  @Header('Cache-Control', 'no-cache')
  asset(@Param('file') name: string): StreamableFile {
    const asset = this.assets.get(name);
    if (!asset || name === 'index.html') throw new NotFoundException(`No dashboard file ${name}`);
    return file(asset);
  }
}
