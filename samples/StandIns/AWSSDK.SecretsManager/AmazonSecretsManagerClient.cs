using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager
{
    /// <summary>
    /// Implementation for accessing SecretsManager. The real client derives from <c>AmazonServiceClient</c>; the
    /// stand-in implements the interface directly and answers nothing (there is no service to call).
    /// </summary>
    public partial class AmazonSecretsManagerClient : IAmazonSecretsManager
    {
        /// <summary>Constructs a client with the credentials and region of the environment.</summary>
        public AmazonSecretsManagerClient()
        {
        }

        /// <summary>Constructs a client for a region.</summary>
        public AmazonSecretsManagerClient(RegionEndpoint region)
        {
        }

        /// <summary>Constructs a client with explicit credentials.</summary>
        public AmazonSecretsManagerClient(AWSCredentials credentials)
        {
        }

        /// <inheritdoc/>
        public IClientConfig Config => null;

        /// <inheritdoc/>
        public virtual Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default(CancellationToken))
            => Task.FromResult(new GetSecretValueResponse { Name = request.SecretId });

        /// <inheritdoc/>
        public virtual Task<BatchGetSecretValueResponse> BatchGetSecretValueAsync(BatchGetSecretValueRequest request, CancellationToken cancellationToken = default(CancellationToken))
            => Task.FromResult(new BatchGetSecretValueResponse());

        /// <inheritdoc/>
        public virtual Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default(CancellationToken))
            => Task.FromResult(new DescribeSecretResponse { Name = request.SecretId });

        /// <summary>Creates the default configuration of the service's clients.</summary>
        public static ClientConfig CreateDefaultClientConfig() => null;

        /// <summary>Creates a client with the default configuration.</summary>
        public static IAmazonService CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => new AmazonSecretsManagerClient(awsCredentials);

        /// <summary>Disposes the client.</summary>
        public void Dispose()
        {
        }
    }
}
