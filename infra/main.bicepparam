// Parameters of main.bicep: az deployment group create --resource-group <group> --parameters infra/main.bicepparam
// The prefix is checked while the parameters are built (before anything reaches Azure), by the same rule main.bicep uses.
using 'main.bicep'

import { isValidNamePrefix } from 'naming.bicep'

var prefix = 'chatreq-dev'

param namePrefix = isValidNamePrefix(prefix) ? prefix : fail('namePrefix "${prefix}" must be 3 to 16 lowercase letters, digits and hyphens, start with a letter and not end with a hyphen (infra/naming.bicep).')
param planSku = 'B1'
param botSku = 'F0'
param botDisplayName = 'ChatRequests'
