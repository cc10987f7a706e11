import { expectTypeOf } from 'vitest';
import type { MeshService } from '../../../src/mesh/service/create-mesh-service';
import type { MeshInspection } from '../../../src/mesh/service/mesh-inspection';
import type { Caller, RequestContext } from '../../../src/mesh/service/request-context';

// The service hands out operations, never its stores or configuration.
expectTypeOf<'deps' extends keyof MeshService ? true : false>().toEqualTypeOf<false>();
expectTypeOf<'stores' extends keyof MeshService ? true : false>().toEqualTypeOf<false>();
expectTypeOf<'config' extends keyof MeshService ? true : false>().toEqualTypeOf<false>();

// A person's operations take a person's request: the bot's own work cannot slip through them as the system.
expectTypeOf<Parameters<MeshService['syncProduct']>[0]>().toEqualTypeOf<RequestContext>();
expectTypeOf<Parameters<MeshService['runGrant']>[0]>().toEqualTypeOf<RequestContext>();
expectTypeOf<Parameters<MeshService['finishRevoke']>[0]>().toEqualTypeOf<RequestContext>();
// Reads the bot's own work makes too (refreshing messages) take either.
expectTypeOf<Parameters<MeshService['getProduct']>[0]>().toEqualTypeOf<Caller>();
expectTypeOf<Parameters<MeshService['getSubscription']>[0]>().toEqualTypeOf<Caller>();

// The scheduled work is its own set of operations, and none needs a Slack user.
expectTypeOf<keyof MeshService['system']>().toEqualTypeOf<'expirePending' | 'resumeInterrupted' | 'productsDueForSync' | 'syncProduct'>();
expectTypeOf<Parameters<MeshService['system']['syncProduct']>[0]>().toEqualTypeOf<{ requestId: string; productId: string }>();
expectTypeOf<Parameters<MeshService['system']['resumeInterrupted']>[0]>().toEqualTypeOf<{ requestId: string; updatedBeforeMs?: number }>();

// The inspection is apart from the service, and only reads: it hands out no store either.
expectTypeOf<'stores' extends keyof MeshInspection ? true : false>().toEqualTypeOf<false>();
expectTypeOf<'inspect' extends keyof MeshService ? true : false>().toEqualTypeOf<false>();
