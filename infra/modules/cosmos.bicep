// Cosmos DB for NoSQL, serverless, Entra ID only (no keys): the database and the containers the Cosmos store uses
// (core/ChatRequests.Azure/Storage/CosmosOptions.cs): `requests` (requests, submission claims, the number counter),
// `messaging` (conversation references, the ledger of posted messages) and `leases` (the change feed trigger's).
// Partition key /id for all: one document per request is the unit of consistency;
// docs/adr/0001-cosmos-partition-key.md is where that choice is decided, change it there.
import { Tags } from '../types.bicep'

param name string
param location string
param tags Tags
param databaseName string = 'chatrequests'
param principalId string

@description('The identity\'s resource id: the role assignments are named after it (known before deployment, unlike principalId).')
param identityResourceId string

var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
    capabilities: [ { name: 'EnableServerless' } ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2026-03-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

// The indexing of `requests` is the store's own (CosmosContainers.RequestsProperties, used when it creates the
// container in tests): the request body is not indexed, and every ORDER BY on two properties has its composite
// index. Change both together.
var requestsIndexing = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [ { path: '/*' } ]
  excludedPaths: [ { path: '/request/*' }, { path: '/"_etag"/?' } ]
  compositeIndexes: [
    [ { path: '/submittedAtUtc', order: 'ascending' }, { path: '/id', order: 'ascending' } ]
    [ { path: '/submittedAtUtc', order: 'descending' }, { path: '/id', order: 'descending' } ]
    [ { path: '/nextEventAt', order: 'ascending' }, { path: '/id', order: 'ascending' } ]
    [ { path: '/slaCheckAt', order: 'ascending' }, { path: '/id', order: 'ascending' } ]
  ]
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = [for container in [ 'requests', 'messaging', 'leases' ]: {
  parent: database
  name: container
  properties: {
    resource: union({
      id: container
      partitionKey: { paths: [ '/id' ], kind: 'Hash', version: 2 }
    }, container == 'requests' ? { indexingPolicy: requestsIndexing, defaultTtl: -1 } : {})
  }
}]

// Cosmos DB data-plane RBAC is its own resource type, not Microsoft.Authorization/roleAssignments.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2026-03-15' = {
  parent: account
  name: guid(account.id, identityResourceId, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: principalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
