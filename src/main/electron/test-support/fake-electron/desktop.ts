/**
 * The fake desktop: images (read from disk like nativeImage, so a wrong icon path shows up as
 * an empty image), menus, the tray and notifications. Each records what the user would see and
 * keeps what the user could click.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type {
  KeyboardEvent,
  Menu,
  MenuItem,
  MenuItemConstructorOptions,
  NativeImage,
  nativeImage,
  Notification,
  NotificationConstructorOptions,
  ResizeOptions,
  Size,
  Tray,
} from 'electron';
import { app } from './app.ts';
import { preventableEvent } from './events.ts';
import type { ImageFacts, MenuItemFacts } from './messages.ts';
import { record } from './recorder.ts';
import type { WithFakeResult } from './typing.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The size of a PNG file from its header; null when the file is missing or not a PNG. */
function pngSize(file: string): Size | null {
  let header: Buffer;
  try {
    header = fs.readFileSync(file).subarray(0, 24);
  } catch {
    return null;
  }
  if (header.length < 24 || !header.subarray(0, 8).equals(PNG_SIGNATURE) || header.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

export class FakeNativeImage implements Pick<NativeImage, 'isEmpty' | 'getSize'> {
  readonly path: string;
  private readonly size: Size | null;

  constructor(path: string, size: Size | null) {
    this.path = path;
    this.size = size;
  }

  /** Like nativeImage.createFromPath: a missing or unreadable file gives an empty image, not an error. */
  static createFromPath: WithFakeResult<typeof nativeImage.createFromPath, FakeNativeImage> = (path) => new FakeNativeImage(path, pngSize(path));

  isEmpty(): boolean {
    return this.size === null;
  }

  getSize(): Size {
    return this.size ?? { width: 0, height: 0 };
  }

  resize: WithFakeResult<NativeImage['resize'], FakeNativeImage> = (options: ResizeOptions) => {
    if (!this.size) return this;
    const width = options.width ?? Math.round((this.size.width * (options.height ?? this.size.height)) / this.size.height);
    const height = options.height ?? Math.round((this.size.height * width) / this.size.width);
    return new FakeNativeImage(this.path, { width, height });
  };

  facts(): ImageFacts {
    return { path: this.path, isEmpty: this.isEmpty(), ...this.getSize() };
  }
}

export function imageFacts(file: string): ImageFacts {
  return FakeNativeImage.createFromPath(file).facts();
}

export class FakeMenu {
  readonly items: readonly MenuItemConstructorOptions[];

  constructor(items: readonly MenuItemConstructorOptions[]) {
    this.items = items;
  }

  static buildFromTemplate: WithFakeResult<typeof Menu.buildFromTemplate, FakeMenu> = (template) =>
    new FakeMenu(
      template.map((item) => {
        // The app builds its menus from plain templates; a MenuItem here would be new use to fake.
        if (item instanceof EventEmitter || 'commandId' in item) throw new TypeError('The fake Menu takes plain MenuItemConstructorOptions only');
        return item;
      }),
    );

  facts(): MenuItemFacts[] {
    return this.items.map((item) => ({ label: item.label ?? null, type: item.type ?? 'normal', hasClick: typeof item.click === 'function' }));
  }

  /** The user picks the item with this label. */
  click(label: string): void {
    const item = this.items.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`No clickable menu item '${label}' in ${JSON.stringify(this.facts())}`);
    // Electron passes the MenuItem, the focused window and the keyboard state; the app uses none of them.
    item.click({} as MenuItem, undefined, {} as KeyboardEvent);
  }
}

let lastTrayId = 0;
const trays = new Set<FakeTray>();

export class FakeTray extends EventEmitter implements Pick<Tray, 'setToolTip' | 'setContextMenu' | 'destroy' | 'isDestroyed'> {
  readonly id = ++lastTrayId;
  menu: FakeMenu | null = null;
  private destroyed = false;

  constructor(image: NativeImage | string) {
    super();
    app.requireReady('Tray');
    const facts = typeof image === 'string' ? imageFacts(image) : image instanceof FakeNativeImage ? image.facts() : null;
    if (!facts) throw new TypeError('Tray needs an image made by nativeImage or a path');
    trays.add(this);
    record('Tray.new', { trayId: this.id, image: facts });
  }

  /** The trays the user can see. */
  static live(): FakeTray[] {
    return [...trays];
  }

  setToolTip(toolTip: string): void {
    record('Tray.setToolTip', { trayId: this.id, toolTip });
  }

  setContextMenu(menu: Menu | null): void {
    if (menu !== null && !(menu instanceof FakeMenu)) throw new TypeError('setContextMenu needs a menu made by Menu.buildFromTemplate');
    this.menu = menu;
    record('Tray.setContextMenu', { trayId: this.id, items: menu?.facts() ?? [] });
  }

  destroy(): void {
    this.destroyed = true;
    trays.delete(this);
    record('Tray.destroy', { trayId: this.id });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

let lastNotificationId = 0;
const shownNotifications = new Map<number, FakeNotification>();

export class FakeNotification extends EventEmitter implements Pick<Notification, 'show' | 'close' | 'title' | 'body'> {
  readonly id = ++lastNotificationId;
  title: string;
  body: string;
  private readonly options: NotificationConstructorOptions;

  constructor(options: NotificationConstructorOptions = {}) {
    super();
    this.options = options;
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }

  static isSupported: typeof Notification.isSupported = () => true;

  static shown(id: number): FakeNotification {
    const notification = shownNotifications.get(id);
    if (!notification) throw new Error(`No notification ${id} was shown`);
    return notification;
  }

  show(): void {
    shownNotifications.set(this.id, this);
    const icon = this.options.icon;
    record('Notification.show', {
      id: this.id,
      title: this.title,
      body: this.body,
      icon: typeof icon === 'string' ? icon : icon instanceof FakeNativeImage ? icon.path : null,
      urgency: this.options.urgency ?? null,
    });
    this.emit('show', preventableEvent({}));
  }

  close(): void {
    shownNotifications.delete(this.id);
    this.emit('close', preventableEvent({}));
  }

  click(): void {
    this.emit('click', preventableEvent({}));
  }
}
