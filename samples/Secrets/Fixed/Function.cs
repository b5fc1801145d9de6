using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Extensions.Caching;
using Amazon.SecretsManager.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace PaymentService
{
    public class Function
    {
        private static readonly HttpClient Http = new HttpClient();

        private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
        private readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient();
        private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();

        // The caching client keeps the fallback key fresh; it is asked per invocation, through the SDK.
        private readonly SecretsManagerCache _cache;

        private readonly string _providerUrl;
        private string _apiKey;

        public Function()
        {
            _cache = new SecretsManagerCache(_secrets);

            // Fetched at init for a fast first call, fetched again after every restore.
            _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "payments/api-key" }).Result.SecretString;
            SnapshotRestore.RegisterAfterRestore(async () =>
            {
                // Bounded well under the 10-second restore limit.
                using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "payments/api-key" }, cancellation.Token)).SecretString;
            });

            // Plain configuration may be read once.
            _providerUrl = _ssm.GetParameterAsync(new GetParameterRequest { Name = "/payments/provider-url" }).Result.Parameter.Value;
        }

        public async Task<string> FunctionHandler(string amount, ILambdaContext context)
        {
            var fallback = await _cache.GetSecretString("payments/fallback-key");
            var webhookSecret = (await _ssm.GetParameterAsync(new GetParameterRequest { Name = "/payments/webhook-secret", WithDecryption = true })).Parameter.Value;
            var ledger = (await _sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = "arn:aws:iam::123456789012:role/ledger-writer",
                RoleSessionName = "payments",
            })).Credentials;

            context.Logger.LogLine("charging for " + context.FunctionName);

            using var charge = new HttpRequestMessage(HttpMethod.Post, _providerUrl + "/charges") { Content = new StringContent(amount) };
            charge.Headers.Add("Authorization", "Bearer " + (_apiKey.Length > 0 ? _apiKey : fallback));
            charge.Headers.Add("X-Webhook-Signature", webhookSecret);
            charge.Headers.Add("X-Ledger-Key", ledger.AccessKeyId);
            return await (await Http.SendAsync(charge)).Content.ReadAsStringAsync();
        }
    }
}
