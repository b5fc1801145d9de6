using System;
using Amazon;
using Amazon.Runtime;
using Kralizek.Extensions.Configuration.Internal;

namespace Microsoft.Extensions.Configuration
{
    /// <summary>Adds every secret of AWS Secrets Manager the function may read to a configuration builder; read when the configuration is built.</summary>
    public static class SecretsManagerExtensions
    {
        public static IConfigurationBuilder AddSecretsManager(this IConfigurationBuilder configurationBuilder, AWSCredentials credentials = null, RegionEndpoint region = null, Action<SecretsManagerConfigurationProviderOptions> configurator = null)
        {
            var options = new SecretsManagerConfigurationProviderOptions();
            configurator?.Invoke(options);
            return configurationBuilder.Add(new SecretsManagerConfigurationSource(credentials, options) { Region = region });
        }
    }
}

namespace Kralizek.Extensions.Configuration.Internal
{
    /// <summary>
    /// How the secrets are refreshed. (The package's filters, key generator and client factory are left out: their
    /// delegate types name SDK types the AWSSDK.SecretsManager stand-in does not declare.)
    /// </summary>
    public class SecretsManagerConfigurationProviderOptions
    {
        public TimeSpan? PollingInterval { get; set; }
    }

    /// <summary>The configuration source <c>AddSecretsManager</c> adds.</summary>
    public class SecretsManagerConfigurationSource : Microsoft.Extensions.Configuration.IConfigurationSource
    {
        public SecretsManagerConfigurationSource(AWSCredentials credentials = null, SecretsManagerConfigurationProviderOptions options = null)
        {
            Credentials = credentials;
            Options = options ?? new SecretsManagerConfigurationProviderOptions();
        }

        public SecretsManagerConfigurationProviderOptions Options { get; }

        public AWSCredentials Credentials { get; }

        public RegionEndpoint Region { get; set; }

        public Microsoft.Extensions.Configuration.IConfigurationProvider Build(Microsoft.Extensions.Configuration.IConfigurationBuilder builder)
            => new SecretsManagerConfigurationProvider();
    }

    /// <summary>Outside AWS the stand-in loads nothing; the real provider reads the secrets in <c>Load()</c>.</summary>
    public class SecretsManagerConfigurationProvider : Microsoft.Extensions.Configuration.ConfigurationProvider
    {
        public override void Load()
        {
        }
    }
}
