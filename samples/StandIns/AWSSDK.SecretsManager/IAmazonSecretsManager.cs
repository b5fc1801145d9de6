using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager
{
    /// <summary>Interface for accessing SecretsManager (the members Lambda functions use).</summary>
    public partial interface IAmazonSecretsManager : IAmazonService, IDisposable
    {
        /// <summary>Retrieves the contents of the encrypted fields of a secret.</summary>
        Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default(CancellationToken));

        /// <summary>Retrieves the contents of the encrypted fields of up to 20 secrets.</summary>
        Task<BatchGetSecretValueResponse> BatchGetSecretValueAsync(BatchGetSecretValueRequest request, CancellationToken cancellationToken = default(CancellationToken));

        /// <summary>Retrieves the details of a secret (no secret value).</summary>
        Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default(CancellationToken));
    }
}
