using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

// A per-copy identity: generated at init, generated again after every restore.
var instance = Guid.NewGuid().ToString("N");
SnapshotRestore.RegisterAfterRestore(() =>
{
    instance = Guid.NewGuid().ToString("N");
    return ValueTask.CompletedTask;
});

var udp = new UdpClient();

await LambdaBootstrapBuilder.Create((string metric, ILambdaContext context) =>
{
    // Lambda caches DNS answers for a short time; the function resolves per invocation and keeps nothing.
    var statsd = new IPEndPoint(Dns.GetHostAddresses("statsd.internal.example.com")[0], 8125);
    var payload = Encoding.UTF8.GetBytes($"{metric}|c|#instance:{instance}");
    udp.Send(payload, payload.Length, statsd);
    return "sent";
}, new DefaultLambdaJsonSerializer()).Build().RunAsync();
