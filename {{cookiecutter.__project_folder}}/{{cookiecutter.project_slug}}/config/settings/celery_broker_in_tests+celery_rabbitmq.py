"""RabbitMQ under test: as deployed."""
