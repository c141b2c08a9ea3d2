import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Item } from './item.js';
import {
  createItemSchema,
  itemIdSchema,
  listItemsSchema,
  type CreateItem,
  type ListItems,
} from './item-schemas.js';
import { ItemsService } from './items.service.js';

interface HeaderReply {
  setHeader(name: string, value: string): unknown;
}

/** A small real resource, so a deploy can be checked for lost writes. */
@Controller('items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Post()
  @HttpCode(201)
  create(@Body({ schema: createItemSchema }) body: CreateItem): Promise<Item> {
    return this.items.create(body.name);
  }

  @Get()
  async list(@Query({ schema: listItemsSchema }) query: ListItems): Promise<{ items: Item[] }> {
    return { items: await this.items.list(query.limit) };
  }

  @Get(':id')
  async get(
    @Param('id', { schema: itemIdSchema }) id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<Item> {
    const found = await this.items.get(id);
    reply.setHeader('x-cache', found.cache);
    if (found.item === undefined) throw new NotFoundException(`no item with id ${id}`);
    return found.item;
  }
}
