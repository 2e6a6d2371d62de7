-- one database per service: no service reads another's tables
create database catalogue;
create database subscriptions;
create database notifications;
