// Alerts on the bot's business status (what /status reports; /health is liveness only): an event parked, or the outbox
// falling behind. Both read the OpenTelemetry gauges the bot and the Functions app send to Application Insights
// (core/ChatRequests.Core/Telemetry/TelemetryNames.cs names them; tests/ChatRequests.Infra.Tests checks the names match).
import { Tags } from '../types.bicep'

param namePrefix string
param location string
param tags Tags
param appInsightsId string

@description('Who is emailed when an alert fires; empty: the alerts still fire and show in Azure Monitor, nobody is emailed.')
param alertEmail string

@description('How old the oldest waiting outbox event may get, in seconds, before the team is told.')
param outboxAgeLimitSeconds int

var emailed = !empty(alertEmail)

resource team 'Microsoft.Insights/actionGroups@2023-01-01' = if (emailed) {
  name: '${namePrefix}-team'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(namePrefix, '-', ''), 12)
    enabled: true
    emailReceivers: [
      { name: 'team', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

var rules = [
  {
    name: '${namePrefix}-parked-events'
    description: 'A fulfilment event is parked: a person was not told something. The lead of the owning team sees which and why on the dashboard; /status counts it.'
    severity: 2
    query: 'customMetrics | where name == "chatrequests.outbox.parked" | summarize value = max(value) by cloud_RoleName'
    threshold: 0
  }
  {
    name: '${namePrefix}-outbox-behind'
    description: 'The oldest outbox event has waited longer than the limit: fulfilment is not keeping up (connector, store or Service Bus).'
    severity: 3
    query: 'customMetrics | where name == "chatrequests.outbox.oldest_age" | summarize value = max(value) by cloud_RoleName'
    threshold: outboxAgeLimitSeconds
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: rule.name
    location: location
    tags: tags
    properties: {
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [appInsightsId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: 'value'
            dimensions: [
              { name: 'cloud_RoleName', operator: 'Include', values: ['*'] }
            ]
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: true
      actions: { actionGroups: emailed ? [team.id] : [] }
    }
  }
]
