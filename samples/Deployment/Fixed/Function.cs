using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace FulfillmentService
{
    /// <summary>
    /// Ships orders and tracks shipments. Nothing here is kept from init, so the code is safe under SnapStart:
    /// whether SnapStart applies at all, and whether Lambda accepts it, is decided by template.yaml.
    /// </summary>
    public class Function
    {
        public Task<string> ShipOrder(string orderId, ILambdaContext context)
        {
            context.Logger.LogInformation("shipping " + orderId);
            return Task.FromResult("shipment-" + orderId);
        }

        public string TrackShipment(string shipmentId, ILambdaContext context) => shipmentId + ": in transit";
    }
}
