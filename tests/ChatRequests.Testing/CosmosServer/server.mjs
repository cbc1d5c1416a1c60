// Cosmos DB wire-protocol stand-in for the Cosmos adapter tests: @vercel/cosmosdb-server, with the gaps it
// has with the .NET SDK (see ../../../../shared/PLATFORM.md, "Cosmos DB") filled around its own handlers.
// Usage: node server.mjs <port>. Prints "listening <port>" once it accepts connections.
import cosmosServer from "@vercel/cosmosdb-server";
import { createRequire } from "node:module";

const { createHttpsServer } = cosmosServer;

// Gap 7: resource ids are written in standard base64, whose "/" breaks the URL paths the SDK builds from them (the
// 63rd database's id is gAA/AA==, and its containers' pkranges then answer 404 "stale cache"); Cosmos DB writes "-"
// for "/". Both directions are patched before any resource is created.
const { default: ResourceId } = createRequire(import.meta.url)("@vercel/cosmosdb-server/lib/account/resource-id.js");
ResourceId.toBase64String = buffer => buffer.toString("base64").replaceAll("/", "-");
ResourceId.fromBase64String = text => Buffer.from(text.replaceAll("-", "/"), "base64");
const port = Number(process.argv[2] ?? 0);

// Gap 6: the package sends "connection: close" on every response unless keep-alive is asked for.
const server = createHttpsServer({ keepAlive: true });
const [packageHandler] = server.listeners("request");
server.removeAllListeners("request");

const documentPath = /^\/+dbs\/[^/]+\/colls\/[^/]+\/docs\/[^/]+\/?$/;
const documentsPath = /^\/+dbs\/[^/]+\/colls\/[^/]+\/docs\/?$/;

// Gap 1: on Linux the .NET SDK cannot build query plans itself and asks the gateway for one. The plan
// below says "run the query as written over the one range": the server evaluates TOP, ORDER BY and
// aggregates itself, which is right because every container here has a single partition key range.
const passThroughPlan = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None",
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: "",
    hasSelectValue: false,
    dCountInfo: null,
    hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
};

function isTrue(value) {
  return typeof value === "string" && value.toLowerCase() === "true";
}

// Fault injection for the recovery tests: POST /_faults {database, status, count, retryAfterMs, delayMs} makes the next
// `count` document operations on that database answer `status` (429 with x-ms-retry-after-ms, 503, ...), or wait
// `delayMs` first (status 0: then answered as usual); DELETE /_faults?database=... clears them. Per database, so that
// tests sharing the server do not see each other's faults. Loopback only, like the server.
const faults = new Map();
const databaseOf = path => /^\/+dbs\/([^/]+)\/colls\/[^/]+\/docs/.exec(path)?.[1];

function controlFaults(req, res) {
  const url = new URL(req.url ?? "/", "https://127.0.0.1");
  if (req.method === "DELETE") {
    faults.delete(url.searchParams.get("database"));
    res.writeHead(204).end();
    return;
  }
  let body = "";
  req.on("data", chunk => (body += chunk));
  req.on("end", () => {
    const fault = JSON.parse(body);
    faults.set(fault.database, { status: fault.status ?? 0, left: fault.count ?? 1, retryAfterMs: fault.retryAfterMs ?? 0, delayMs: fault.delayMs ?? 0 });
    res.writeHead(204).end();
  });
}

function injectFault(req, res, path, next) {
  const fault = faults.get(databaseOf(path));
  if (!fault || fault.left <= 0) {
    return false;
  }
  fault.left--;
  setTimeout(() => {
    if (res.destroyed) {
      return;
    }
    if (!fault.status) {
      next();
      return;
    }
    req.resume();
    const headers = { "content-type": "application/json", "x-ms-activity-id": crypto.randomUUID(), "x-ms-request-charge": "0" };
    if (fault.status === 429) {
      headers["x-ms-retry-after-ms"] = String(fault.retryAfterMs);
      headers["x-ms-substatus"] = "3200";
    }
    res.writeHead(fault.status, headers);
    res.end(JSON.stringify({ code: fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable", message: "Injected fault." }));
  }, fault.delayMs);
  return true;
}

server.on("request", (req, res) => {
  const path = (req.url ?? "").split("?")[0];

  if (path === "/_faults") {
    controlFaults(req, res);
    return;
  }

  if (injectFault(req, res, path, () => handle(req, res, path))) {
    return;
  }

  handle(req, res, path);
});

function handle(req, res, path) {

  if (req.method === "POST" && isTrue(req.headers["x-ms-cosmos-is-query-plan-request"]) && documentsPath.test(path)) {
    req.resume();
    req.on("end", () => {
      const body = JSON.stringify(passThroughPlan);
      res.writeHead(200, {
        "content-type": "application/json",
        "x-ms-request-charge": "0",
        "x-ms-activity-id": crypto.randomUUID(),
        connection: "keep-alive",
      });
      res.end(body);
    });
    return;
  }

  if (req.method === "GET" && documentPath.test(path)) {
    // Gap 3: reading a missing item throws inside the package (500); Cosmos DB answers 404.
    const end = res.end.bind(res);
    res.end = (body, ...rest) => {
      if (res.statusCode === 500) {
        res.statusCode = 404;
        body = JSON.stringify({ code: "NotFound", message: "Entity with the specified id does not exist in the system." });
      }
      return end(body, ...rest);
    };
  }

  const partitionKey = req.headers["x-ms-documentdb-partitionkey"];
  const isQuery = req.method === "POST" && (isTrue(req.headers["x-ms-documentdb-isquery"]) || req.headers["content-type"] === "application/query+json");
  if (isQuery && typeof partitionKey === "string" && documentsPath.test(path)) {
    // Gap 2: queries ignore the partition-key header (and refuse one whose SQL does not name the key), so
    // run it over the container and keep only the documents of that logical partition.
    req.headers["x-ms-documentdb-query-enablecrosspartition"] = "true";
    filterQueryResults(res, partitionKey, path);
  }

  packageHandler(req, res);
}

// The partition key path of each container, learnt from the collection reads the SDK makes before querying.
function filterQueryResults(res, partitionKeyHeader, path) {
  let wanted;
  try {
    wanted = JSON.parse(partitionKeyHeader);
  } catch {
    return;
  }
  if (!Array.isArray(wanted) || wanted.length !== 1) {
    return;
  }
  const end = res.end.bind(res);
  res.end = (body, ...rest) => {
    try {
      const parsed = JSON.parse(body);
      if (res.statusCode === 200 && Array.isArray(parsed.Documents)) {
        const collection = path.replace(/\/docs\/?$/, "");
        const keyPath = partitionKeyPaths.get(collection) ?? "/id";
        parsed.Documents = parsed.Documents.filter(d => !isObject(d) || valueAt(d, keyPath) === wanted[0]);
        parsed._count = parsed.Documents.length;
        body = JSON.stringify(parsed);
      }
    } catch {
      // Not JSON: leave the answer as it is.
    }
    return end(body, ...rest);
  };
}

const partitionKeyPaths = new Map();
server.prependListener("request", (req, res) => {
  const path = (req.url ?? "").split("?")[0].replace(/^\/+/, "/").replace(/\/$/, "");
  if (/^\/dbs\/[^/]+\/colls\/[^/]+$/.test(path) || (req.method === "POST" && /^\/dbs\/[^/]+\/colls$/.test(path))) {
    const end = res.end.bind(res);
    res.end = (body, ...rest) => {
      try {
        const parsed = JSON.parse(body);
        const keyPath = parsed?.partitionKey?.paths?.[0];
        if (keyPath && parsed.id) {
          partitionKeyPaths.set(`${path.replace(/\/colls(\/[^/]+)?$/, "")}/colls/${parsed.id}`, keyPath);
        }
      } catch {
        // Not JSON.
      }
      return end(body, ...rest);
    };
  }
});

function isObject(value) {
  return value !== null && typeof value === "object";
}

function valueAt(document, keyPath) {
  return keyPath.split("/").filter(Boolean).reduce((value, name) => (isObject(value) ? value[name] : undefined), document);
}

server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
