// The Functions host's own storage (AzureWebJobsStorage: timer and host locks), reached with the identity.
import { Tags } from '../types.bicep'

param name string
param location string
param tags Tags
param principalId string

@description('The identity\'s resource id: the role assignments are named after it (known before deployment, unlike principalId).')
param identityResourceId string

var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
  }
}

// Blob Data Owner: the host's locks and timer state (blobs); Table Data Contributor: the diagnostic events the host
// writes to tables when AzureWebJobsStorage is identity-based (Functions host 4.x).
resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [ blobDataOwner, tableDataContributor ]: {
  name: guid(account.id, identityResourceId, role)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

output name string = account.name
