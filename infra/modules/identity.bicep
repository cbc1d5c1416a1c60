// The one user-assigned managed identity the bot, the functions and the Azure Bot resource share.
import { Tags } from '../types.bicep'

param name string
param location string
param tags Tags

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
