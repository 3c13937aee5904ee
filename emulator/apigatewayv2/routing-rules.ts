/**
 * Routing rules of a custom domain name (API Gateway v2's routing rule
 * calls, for REST APIs): a priority, conditions on base paths and headers,
 * and the REST API stage to invoke. A domain uses them when its routingMode
 * is ROUTING_RULE_ONLY or ROUTING_RULE_THEN_BASE_PATH_MAPPING.
 */
import { findDomain } from "../apigateway/domain-names-state";
import { badRequest, conflict, notFound } from "../apigateway/common";
import { json, parseJsonBody } from "../http";
import type { Handler } from "../route-table";
import { randomId, restApiKey, stageKey, type RoutingRule } from "../state";

const ruleKey = (region: string, domainName: string, id: string) => `${region}|${domainName}|${id}`;

function ruleView(account: string, r: RoutingRule) {
  return {
    routingRuleId: r.id,
    routingRuleArn: `arn:aws:apigateway:${r.region}:${account}:/domainnames/${r.domainName}/routingrules/${r.id}`,
    priority: r.priority,
    conditions: [
      ...(r.basePaths.length ? [{ matchBasePaths: { anyOf: r.basePaths } }] : []),
      ...(r.headers.length ? [{ matchHeaders: { anyOf: r.headers } }] : []),
    ],
    actions: [{ invokeApi: { apiId: r.apiId, stage: r.stage, stripBasePath: r.stripBasePath } }],
  };
}

type WireRule = {
  priority?: number;
  conditions?: {
    matchBasePaths?: { anyOf?: string[] };
    matchHeaders?: { anyOf?: { header?: string; valueGlob?: string }[] };
  }[];
  actions?: { invokeApi?: { apiId?: string; stage?: string; stripBasePath?: boolean } }[];
};

export const createRoutingRule: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  const body = parseJsonBody(req) as WireRule;
  const priority = body.priority;
  if (!Number.isInteger(priority) || priority! < 1 || priority! > 1_000_000)
    throw badRequest("priority must be a whole number from 1 to 1000000.");
  const invoke = body.actions?.[0]?.invokeApi;
  if (!invoke?.apiId || !invoke.stage)
    throw badRequest("actions[0].invokeApi needs apiId and stage.");
  if (!ctx.state.restApis[restApiKey(req.region, invoke.apiId)])
    throw notFound(`Invalid API identifier specified ${invoke.apiId}`);
  if (!ctx.state.stages[stageKey(req.region, invoke.apiId, invoke.stage)])
    throw badRequest(`Invalid stage identifier specified ${invoke.stage}`);
  const existing = Object.values(ctx.state.routingRules).filter(
    (r) => r.region === req.region && r.domainName === d.domainName,
  );
  if (existing.some((r) => r.priority === priority))
    throw conflict(`A routing rule with priority ${priority} exists for ${d.domainName}.`);
  const rule: RoutingRule = {
    region: req.region,
    domainName: d.domainName,
    id: randomId(6),
    priority: priority!,
    basePaths: body.conditions?.flatMap((c) => c.matchBasePaths?.anyOf ?? []) ?? [],
    headers:
      body.conditions?.flatMap((c) =>
        (c.matchHeaders?.anyOf ?? []).map((h) => ({
          header: h.header ?? "",
          valueGlob: h.valueGlob ?? "",
        })),
      ) ?? [],
    apiId: invoke.apiId,
    stage: invoke.stage,
    stripBasePath: invoke.stripBasePath ?? false,
  };
  ctx.state.routingRules[ruleKey(req.region, d.domainName, rule.id)] = rule;
  return json(201, ruleView(ctx.account, rule));
};

export const getRoutingRules: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  const rules = Object.values(ctx.state.routingRules)
    .filter((r) => r.region === req.region && r.domainName === d.domainName)
    .sort((a, b) => a.priority - b.priority);
  const limit = Number(req.url.searchParams.get("maxResults") ?? rules.length) || 1;
  const token = req.url.searchParams.get("nextToken");
  const start = token ? Number(Buffer.from(token, "base64url").toString("utf8")) || 0 : 0;
  const body: { routingRules: unknown[]; nextToken?: string } = {
    routingRules: rules.slice(start, start + limit).map((rule) => ruleView(ctx.account, rule)),
  };
  if (start + limit < rules.length)
    body.nextToken = Buffer.from(String(start + limit)).toString("base64url");
  return json(200, body);
};

function findRule(
  req: Parameters<Handler>[0],
  ctx: Parameters<Handler>[1],
  name: string,
  id: string,
) {
  const d = findDomain(ctx.state, req.region, name);
  const key = ruleKey(req.region, d.domainName, id);
  const rule = ctx.state.routingRules[key];
  if (!rule) throw notFound(`Routing rule ${id} not found.`);
  return { key, rule };
}

export const getRoutingRule: Handler = (req, ctx, { domainName, routingRuleId }) =>
  json(200, ruleView(ctx.account, findRule(req, ctx, domainName!, routingRuleId!).rule));

export const deleteRoutingRule: Handler = (req, ctx, { domainName, routingRuleId }) => {
  const { key } = findRule(req, ctx, domainName!, routingRuleId!);
  delete ctx.state.routingRules[key];
  return { status: 204, headers: {}, body: "" };
};
