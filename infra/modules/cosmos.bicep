// Cosmos DB for NoSQL, serverless, Entra ID only (no keys): the database, the `requests` container and the
// `leases` container of the change feed trigger. Partition key /id for both: one document per request is the
// unit of consistency; docs/adr/0001-cosmos-partition-key.md is where that choice is decided, change it there.
param name string
param location string
param tags object
param databaseName string = 'chatrequests'
param principalId string

var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
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

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in [ 'requests', 'leases' ]: {
  parent: database
  name: container
  properties: {
    resource: {
      id: container
      partitionKey: { paths: [ '/id' ], kind: 'Hash', version: 2 }
    }
  }
}]

// Cosmos DB data-plane RBAC is its own resource type, not Microsoft.Authorization/roleAssignments.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, principalId, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: principalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
