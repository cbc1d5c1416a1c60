// Service Bus Standard with the `fulfilment` queue; the identity sends (relay) and receives (fulfilment steps).
import { Tags } from '../types.bicep'

param name string
param location string
param tags Tags
param principalId string

@description('The identity\'s resource id: the role assignments are named after it (known before deployment, unlike principalId).')
param identityResourceId string

var dataSender = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var dataReceiver = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = {
  parent: namespace
  name: 'fulfilment'
  properties: {
    // RelayOutbox sends with MessageId = the outbox event id (functions/README.md), so re-sends within the window are
    // dropped here; later ones are absorbed by RunFulfilmentStep.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [ dataSender, dataReceiver ]: {
  name: guid(namespace.id, identityResourceId, role)
  scope: namespace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output queueName string = queue.name
