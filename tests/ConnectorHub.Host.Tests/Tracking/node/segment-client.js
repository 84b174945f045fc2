// Drives the hub's tracking API with Segment's official Node client, exactly as an application would.
// Usage: node segment-client.js <hub base url> <write key>. Prints {"errors":[...]} once everything is flushed.
const { Analytics } = require('@segment/analytics-node');

const [host, writeKey] = process.argv.slice(2);
const errors = [];
const analytics = new Analytics({ writeKey, host, flushAt: 4, flushInterval: 200, maxRetries: 2 });
analytics.on('error', (err) => errors.push(String((err && (err.reason || err.message)) || err)));

const anonymousId = 'node-anon-1';
const userId = 'node-user-1';
analytics.track({ anonymousId, event: 'Landing Viewed', properties: { campaign: 'autumn' }, messageId: 'node-track-anon' });
analytics.page({ anonymousId, name: 'Pricing', properties: { path: '/pricing' }, messageId: 'node-page-anon' });
analytics.identify({ userId, anonymousId, traits: { email: 'Node.User@Example.com', firstName: 'Nora', plan: 'team' }, messageId: 'node-identify' });
analytics.track({ userId, event: 'Order Completed', properties: { total: 42.5, currency: 'EUR' }, messageId: 'node-track-user' });
analytics.screen({ userId, name: 'Home', messageId: 'node-screen' });
analytics.alias({ userId, previousId: 'node-old-anon', messageId: 'node-alias' });
analytics.group({ userId, groupId: 'node-group-1', traits: { name: 'Node Corp', industry: 'Software' }, messageId: 'node-group' });

analytics.closeAndFlush({ timeout: 20000 }).then(() => {
  process.stdout.write(JSON.stringify({ errors }));
});
