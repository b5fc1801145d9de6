using System;
using System.Threading;
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Configuration;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace SettingsService
{
    public class Function
    {
        private readonly IConfigurationRoot _settings = new ConfigurationBuilder()
            .AddInMemoryCollection()
            .AddSystemsManager("/settings-service")
            .Build();

        // The SDK's default chain: the access-key variables without SnapStart, container credentials with it.
        private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient();

        private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
        private string _signingKey = string.Empty;

        public Function()
        {
            SnapshotRestore.RegisterAfterRestore(async () =>
            {
                // Well under the 10-second restore limit: a slow peer costs a refresh, not the restore.
                using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(5));

                // Parameter Store is read again after every restore.
                _settings.Reload();
                _signingKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "settings/signing-key" }, cancellation.Token)).SecretString;
            });
        }

        public string FunctionHandler(string key, ILambdaContext context)
            => $"{_settings[key]} signed:{_signingKey.Length} kms:{_kms.Config.RegionEndpoint?.SystemName} log:{context.LogStreamName}";
    }
}
