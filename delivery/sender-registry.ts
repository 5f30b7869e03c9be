import type { ChannelSender } from '../core/delivery.js';
import type { Channel } from '../core/inquiry.js';

export interface SenderRegistry {
  /** Adds the sender for its channel; a second sender for the same channel is a wiring mistake. */
  register(sender: ChannelSender): void;
  get(channel: Channel): ChannelSender | undefined;
  channels(): Channel[];
}

/** The channel senders of this installation; app/deps.ts registers one per configured channel. */
export function createSenderRegistry(): SenderRegistry {
  const senders = new Map<Channel, ChannelSender>();
  return {
    register(sender) {
      if (senders.has(sender.channel)) throw new Error(`a sender for ${sender.channel} is already registered`);
      senders.set(sender.channel, sender);
    },
    get: (channel) => senders.get(channel),
    channels: () => [...senders.keys()],
  };
}
